return 'line1\nline2 "q" \\ \t\001\255'
