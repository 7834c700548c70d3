café = 1
naïve = "ünïcödé"
π = 3.14
x = "日本語"
y = f"{café}€"
z = '€' + "€"  # comment €
def ü(ö): return ö
