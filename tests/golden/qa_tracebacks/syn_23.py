exec("import")
