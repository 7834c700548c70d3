class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key):
        super().__init__(f'missing config key {key!r}')
def load(cfg):
    if 'name' not in cfg:
        raise ConfigError('name')
load({'x': 1})
