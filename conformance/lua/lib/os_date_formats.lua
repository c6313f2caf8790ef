local t = 86400 * 365 + 3661
print(os.date("!%Y-%m-%d %H:%M:%S", t))
print(os.date("!%a %A %b %B %d %j %p %y %w", t))
print(os.date("!%c", t))
print(os.date("!%x %X %%", t))
print(os.date("!%I %M %S %U %W %D %e", t))
