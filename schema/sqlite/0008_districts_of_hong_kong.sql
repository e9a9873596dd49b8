-- The 18 districts of Hong Kong, each with the District Council committee that receives its
-- annual plan and the District Social Welfare Office that writes it (the defaults of a new plan);
-- and, on every plan, the council, committee and office it is addressed to and from, as its paper
-- says (committee names differ by district and term, and one office serves several districts).

ALTER TABLE districts ADD COLUMN council_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN council_en TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN committee_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN committee_en TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN office_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN office_en TEXT NOT NULL DEFAULT '';

ALTER TABLE plans ADD COLUMN council_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN council_en TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN committee_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN committee_en TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN office_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN office_en TEXT NOT NULL DEFAULT '';

-- A database that already has a district under one of these codes keeps it as it is.
INSERT OR IGNORE INTO districts (code, name_zh, name_en, council_zh, council_en, committee_zh, committee_en, office_zh, office_en) VALUES
    ('central_western', '中西區', 'Central and Western', '中西區區議會', 'Central and Western District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署中西南及離島區福利辦事處', 'Social Welfare Department, Central, Western, Southern and Islands District Social Welfare Office'),
    ('wan_chai', '灣仔區', 'Wan Chai', '灣仔區議會', 'Wan Chai District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署東區及灣仔區福利辦事處', 'Social Welfare Department, Eastern and Wan Chai District Social Welfare Office'),
    ('eastern', '東區', 'Eastern', '東區區議會', 'Eastern District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署東區及灣仔區福利辦事處', 'Social Welfare Department, Eastern and Wan Chai District Social Welfare Office'),
    ('southern', '南區', 'Southern', '南區區議會', 'Southern District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署中西南及離島區福利辦事處', 'Social Welfare Department, Central, Western, Southern and Islands District Social Welfare Office'),
    ('yau_tsim_mong', '油尖旺區', 'Yau Tsim Mong', '油尖旺區議會', 'Yau Tsim Mong District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署九龍城及油尖旺區福利辦事處', 'Social Welfare Department, Kowloon City and Yau Tsim Mong District Social Welfare Office'),
    ('sham_shui_po', '深水埗區', 'Sham Shui Po', '深水埗區議會', 'Sham Shui Po District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署深水埗區福利辦事處', 'Social Welfare Department, Sham Shui Po District Social Welfare Office'),
    ('kowloon_city', '九龍城區', 'Kowloon City', '九龍城區議會', 'Kowloon City District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署九龍城及油尖旺區福利辦事處', 'Social Welfare Department, Kowloon City and Yau Tsim Mong District Social Welfare Office'),
    ('wong_tai_sin', '黃大仙區', 'Wong Tai Sin', '黃大仙區議會', 'Wong Tai Sin District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署黃大仙及西貢區福利辦事處', 'Social Welfare Department, Wong Tai Sin and Sai Kung District Social Welfare Office'),
    ('kwun_tong', '觀塘區', 'Kwun Tong', '觀塘區議會', 'Kwun Tong District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署觀塘區福利辦事處', 'Social Welfare Department, Kwun Tong District Social Welfare Office'),
    ('kwai_tsing', '葵青區', 'Kwai Tsing', '葵青區議會', 'Kwai Tsing District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署荃灣及葵青區福利辦事處', 'Social Welfare Department, Tsuen Wan and Kwai Tsing District Social Welfare Office'),
    ('tsuen_wan', '荃灣區', 'Tsuen Wan', '荃灣區議會', 'Tsuen Wan District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署荃灣及葵青區福利辦事處', 'Social Welfare Department, Tsuen Wan and Kwai Tsing District Social Welfare Office'),
    ('tuen_mun', '屯門區', 'Tuen Mun', '屯門區議會', 'Tuen Mun District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署屯門區福利辦事處', 'Social Welfare Department, Tuen Mun District Social Welfare Office'),
    ('yuen_long', '元朗區', 'Yuen Long', '元朗區議會', 'Yuen Long District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署元朗區福利辦事處', 'Social Welfare Department, Yuen Long District Social Welfare Office'),
    ('north', '北區', 'North', '北區區議會', 'North District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署大埔及北區區福利辦事處', 'Social Welfare Department, Tai Po and North District Social Welfare Office'),
    ('tai_po', '大埔區', 'Tai Po', '大埔區議會', 'Tai Po District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署大埔及北區區福利辦事處', 'Social Welfare Department, Tai Po and North District Social Welfare Office'),
    ('sha_tin', '沙田區', 'Sha Tin', '沙田區議會', 'Sha Tin District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署沙田區福利辦事處', 'Social Welfare Department, Sha Tin District Social Welfare Office'),
    ('sai_kung', '西貢區', 'Sai Kung', '西貢區議會', 'Sai Kung District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署黃大仙及西貢區福利辦事處', 'Social Welfare Department, Wong Tai Sin and Sai Kung District Social Welfare Office'),
    ('islands', '離島區', 'Islands', '離島區議會', 'Islands District Council', '社會服務及社區發展委員會', 'Social Services and Community Development Committee', '社會福利署中西南及離島區福利辦事處', 'Social Welfare Department, Central, Western, Southern and Islands District Social Welfare Office');
