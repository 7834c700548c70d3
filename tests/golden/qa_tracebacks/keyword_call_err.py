def connect(host, port, *, timeout=10, retries=3):
    return f"{host}:{port}"
print(connect("h", 1))
connect(
    "localhost",
    port=8080,
    timout=5,
)
