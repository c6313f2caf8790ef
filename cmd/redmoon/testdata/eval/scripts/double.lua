return {double=-1.25e300}
