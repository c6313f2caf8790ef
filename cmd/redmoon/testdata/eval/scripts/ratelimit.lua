local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if current > tonumber(ARGV[2]) then return redis.error_reply('LIMIT exceeded') end
return {current, redis.call('TTL', KEYS[1])}
