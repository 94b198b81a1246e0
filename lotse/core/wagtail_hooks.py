from wagtail import hooks

from .audit import register_actions


@hooks.register("register_log_actions")
def lotse_log_actions(actions) -> None:
    register_actions(actions)
