print(string.format("%e %E", 12345.678, 0.000123))
print(string.format("%.2e %.0e %#.0e", 12345.678, 12345, 12345))
print(string.format("%5.2e|%-12.3e|%012.3e", 12345.678, -1.5, 1.5))
print(string.format("%e %e", 5e-324, 1.7976931348623157e308))
