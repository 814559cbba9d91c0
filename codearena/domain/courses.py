"""Courses: a class an instructor runs, its members, and the roster rows it is filled from."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from codearena.domain.accounts import User


class MemberRole(StrEnum):
    INSTRUCTOR = "instructor"
    STUDENT = "student"


class Course(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    slug: str = Field(description="the course's name in URLs; unique")
    title: str
    time_zone: str = Field("UTC", description="an IANA time zone: deadlines are shown and entered in it")
    enrolment_code: str | None = Field(None, description="what a student enters on /courses/join; staff only")
    created_at: str


class Member(BaseModel):
    model_config = ConfigDict(frozen=True)

    user: User
    role: MemberRole


class RosterRow(BaseModel):
    """One student of an imported roster, checked; `line` is where it starts in the file."""

    model_config = ConfigDict(frozen=True)

    line: int
    student_id: str
    name: str
    email: str


class RowProblem(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int
    message: str


class RosterCounts(BaseModel):
    """What an import did: students new to the course, students whose details changed, the rest."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
