"""mkdocs-macros entry point: the macros live in study_guide.site, the markup in templates/."""

from study_guide.site import define_macros


def define_env(env):
    define_macros(env)
