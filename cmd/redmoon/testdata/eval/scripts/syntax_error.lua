syntax error here
