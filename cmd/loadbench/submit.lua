-- wrk script: each request submits its own prepared draft.
-- Arguments (after --): the file of draft ids, one a line; the drafts'
-- X-Assessment-Token; the number of wrk threads. Thread k of n takes
-- every n-th id starting at the k-th, so no two requests share a draft,
-- and each request's Idempotency-Key is its draft's id. (wrk calls
-- request once on the first thread before the run to check it; that
-- draft is never sent.)

local count = 0

function setup(thread)
  count = count + 1
  thread:set("index", count)
end

function init(args)
  local n = tonumber(args[3])
  token = args[2]
  ids = {}
  local line_no = 0
  for id in io.lines(args[1]) do
    if line_no % n == index - 1 then
      ids[#ids + 1] = id
    end
    line_no = line_no + 1
  end
  next_id = 0
end

function request()
  next_id = next_id + 1
  local id = ids[next_id]
  if id == nil then
    -- The pool ran dry: stop this thread. The request it still sends
    -- replays its last submission with the same key, which adds nothing
    -- to the count the harness takes in the database (should that
    -- submission still be in flight and the replay be refused, wrk counts
    -- an error, which fails the run rather than skewing it).
    wrk.thread:stop()
    id = ids[#ids]
  end
  return wrk.format("POST", "/api/v1/assessments/" .. id .. "/submit",
    { ["X-Assessment-Token"] = token, ["Idempotency-Key"] = id })
end
