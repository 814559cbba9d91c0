"""Who uses CodeArena when `auth = "accounts"`: users and their roles."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Role(StrEnum):
    ADMIN = "admin"  # creates users of every role, sees everything
    INSTRUCTOR = "instructor"  # runs their courses
    STUDENT = "student"


class User(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    username: str = Field(description="what the user signs in with; unique, case-insensitive")
    name: str = ""
    email: str = ""
    student_id: str = Field("", description="the school's id, as in its roster export")
    role: Role
    has_password: bool = Field(False, description="False until the user sets one through a one-time link")
    created_at: str
