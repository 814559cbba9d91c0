"""Settings: one model, TOML plus environment, errors that say how to fix them, all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from codearena.config import ConfigError, Settings, load_settings
from codearena.paths import ROOT


def test_config_toml_holds_every_setting_with_its_default() -> None:
    settings = load_settings(ROOT / "config.toml", environ={})
    defaults = Settings()
    for name in Settings.model_fields:
        if name != "problems_dir":
            assert getattr(settings, name) == getattr(defaults, name), name
    text = (ROOT / "config.toml").read_text()
    for name in Settings.model_fields:
        assert f"\n{name} = " in text


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in Settings.model_fields if f"`{name}`" not in readme]
    assert missing == []


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("pool_size = 3\nport = 9000\n")
    settings = load_settings(path, environ={"CODEARENA_PORT": "9100"})
    assert settings.pool_size == 3 and settings.port == 9100


def test_bad_value_names_key_expectation_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("pool_size = 0\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ={})
    message = str(info.value)
    assert "pool_size" in message and "greater than or equal to 1" in message
    assert "CODEARENA_POOL_SIZE" in message
    path.write_text("pool_sise = 2\n")
    with pytest.raises(ConfigError, match="pool_sise: unknown setting"):
        load_settings(path, environ={})
    path.write_text("pool_size = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, environ={})
    with pytest.raises(ConfigError, match="no such file"):
        load_settings(tmp_path / "absent.toml", environ={})
