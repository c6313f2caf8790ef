return KEYS[1] .. '|' .. (ARGV[1] or 'nil') .. '|' .. #KEYS .. '|' .. #ARGV
