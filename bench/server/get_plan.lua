-- wrk: GET a plan as the signed-in user ($DPLAN_TOKEN).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DPLAN_TOKEN")
