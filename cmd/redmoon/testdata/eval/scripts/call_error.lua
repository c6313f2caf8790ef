return redis.call("INCR", "nosuch", "x")
