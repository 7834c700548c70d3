exec("x = \"\"\"never closed")
