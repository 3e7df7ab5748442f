import GreenlightCore
print(Greenlight.version)
