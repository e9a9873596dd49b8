-- wrk: POST a review comment as the signed-in user ($DPLAN_TOKEN) to $DPLAN_PLAN.
wrk.method = "POST"
wrk.path = "/api/plans/" .. os.getenv("DPLAN_PLAN") .. "/comments"
wrk.body = '{"body": "請補充長者服務的輪候數據。"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DPLAN_TOKEN")
