"""Every tool call passes here on its way to the tool's handler: the user's policy, rate limits,
approval, the write record, the retry-loop hint, and the channel for progress.

In order, for a call of tool T (a live_batch: T and each step's tool):
1. a denied tool answers POLICY_DENIED naming the rule; nothing else happens;
2. a call over a rate limit answers RATE_LIMITED with the seconds to wait;
3. a tool under an `approve` rule is described from Live and approved by the user: elicitation
   where the client declares it (a form on handshake sessions, `InputRequiredResult` with sealed
   request state on 2026-07-28), else a single-use confirmation token (the `confirm` argument);
4. the handler runs with progress forwarded to the client (live_mcp/progress.py);
5. a write is recorded (live_mcp/policy/write_log.py); the same call failing REPEATS times in a
   row gets a hint to stop and re-read, and the count goes to the log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import mcp_types as types

from live_mcp.errors import ToolFailure
from live_mcp.policy import approval
from live_mcp.policy.call_limits import RateLimiter, RepeatWatch, call_key, stuck_hint
from live_mcp.policy.rules import Decision, Policy, RateLimit
from live_mcp.policy.write_log import WriteLog
from live_mcp.progress import REPORT
from live_mcp.tool_wrapper import ERROR_META_KEY, error_result, validate_input

log = logging.getLogger("live_mcp.guard")

POLICY_DENIED = "POLICY_DENIED"
NEEDS_APPROVAL = "NEEDS_APPROVAL"
APPROVAL_DECLINED = "APPROVAL_DECLINED"
RATE_LIMITED = "RATE_LIMITED"
CONFIRM = "confirm"
CONFIRM_SCHEMA = {
    "type": "string",
    "description": "NEEDS_APPROVAL's token, once the user agreed.",
}
MODERN = ("2026-07-28",)

Handler = Callable[[Mapping[str, Any] | None], Awaitable[types.CallToolResult]]


def denial(name: str, decision: Decision) -> ToolFailure:
    return ToolFailure(
        POLICY_DENIED,
        f"{name} is denied by the policy ({decision.rule}): {decision.text}",
    )


class Guard:
    def __init__(
        self,
        policy: Policy,
        specs: Mapping[str, Mapping[str, Any]],
        bridge: Any,
        catalogue: Mapping[str, Mapping[str, str]],
        *,
        write_log: WriteLog | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy
        self.specs = specs
        self.bridge = bridge
        self.catalogue = catalogue
        self.write_log = write_log
        self.limiter = RateLimiter(clock)
        self.tokens = approval.TokenBook(clock)
        self.repeats = RepeatWatch()
        approved = policy.approved()
        # Tools whose calls may carry `confirm`: those under approve, and live_batch when one of
        # its possible steps is (a batch is approved as a whole).
        self.confirmable = set(approved)
        if "live_batch" in specs and any(n != "live_batch" for n in approved):
            self.confirmable.add("live_batch")
        self._writes = {
            n for n, s in specs.items() if not s.get("annotations", {}).get("readOnlyHint")
        }

    def listed(self, entry: Mapping[str, Any]) -> Mapping[str, Any]:
        """A tools/list entry, with the `confirm` argument where the tool may need it (served to
        clients that cannot elicit: the others are asked directly and never need it)."""
        if entry["name"] not in self.confirmable:
            return entry
        schema = dict(entry["inputSchema"])
        schema["properties"] = {**schema.get("properties", {}), CONFIRM: CONFIRM_SCHEMA}
        return {**entry, "inputSchema": schema}

    # -- the call ----------------------------------------------------------------------------

    async def call(self, ctx: Any, params: types.CallToolRequestParams, handler: Handler) -> Any:
        name = params.name
        arguments = dict(params.arguments or {})
        session = _session_key(ctx)
        try:
            outcome = await self._call(ctx, params, name, arguments, handler, session)
        except ToolFailure as failure:
            outcome = error_result(failure, self.catalogue)
        if isinstance(outcome, types.CallToolResult):
            self._watch(outcome, session, params)
        return outcome

    async def _call(
        self,
        ctx: Any,
        params: types.CallToolRequestParams,
        name: str,
        arguments: dict[str, Any],
        handler: Handler,
        session: str,
    ) -> Any:
        confirm = arguments.pop(CONFIRM, None) if name in self.confirmable else None
        steps = approval.call_steps(name, arguments) if name == "live_batch" else []
        decisions = [(name, self.policy.decide(name))]
        decisions += [(tool, self.policy.decide(tool)) for tool, _ in steps]
        for index, (tool, decision) in enumerate(decisions):
            if decision.action == "deny":
                failure = denial(tool, decision)
                if index:
                    failure.message = f"steps[{index - 1}]: {failure.message}"
                    failure.step, failure.tool = index - 1, tool
                raise failure
        limits = list(
            {d.rate_limit.rule: d.rate_limit for _, d in decisions if d.rate_limit}.values()
        )
        if limits:
            self._check_limits(session, limits)
        asking = next((d for _, d in decisions if d.action == "approve"), None)
        if asking is not None and self._valid(name, arguments):
            answer = await self._approve(ctx, params, name, arguments, asking, confirm)
            if answer is not None:
                return answer
        if limits:
            self.limiter.count(session, limits)
        token = REPORT.set(_reporter(ctx))
        try:
            result = await handler(arguments)
        finally:
            REPORT.reset(token)
        if name in self._writes and self.write_log is not None:
            self._record(ctx, name, arguments, result)
        return result

    def _valid(self, name: str, arguments: Mapping[str, Any]) -> bool:
        """Whether the call would pass its input model: an invalid one is refused by the handler
        with BAD_INPUT, before anybody is asked to approve it."""
        try:
            validate_input(self.specs[name], arguments)
        except ToolFailure:
            return False
        return True

    def _check_limits(self, session: str, limits: list[RateLimit]) -> None:
        over = self.limiter.wait_for(session, limits)
        if over is None:
            return
        wait, limit = over
        seconds = max(1, round(wait + 0.499))
        raise ToolFailure(
            RATE_LIMITED,
            f"Rate limit reached: at most {limit.max} calls per {limit.window_s:g} s "
            f"({limit.rule}). The next call is allowed in {seconds} s.",
            hint=f"Wait {seconds} s before calling again, or do more in one call (live_batch).",
        )

    # -- approval ----------------------------------------------------------------------------

    async def _approve(
        self,
        ctx: Any,
        params: types.CallToolRequestParams,
        name: str,
        arguments: Mapping[str, Any],
        decision: Decision,
        confirm: Any,
    ) -> Any:
        """None when the call may go ahead; an InputRequiredResult to ask first; raises a
        ToolFailure when it may not."""
        message = decision.text or approval.default_message(self.specs[name])
        desc = await approval.describe_call(self.bridge, name, arguments, self.specs, message)
        if can_elicit(ctx):
            if getattr(ctx, "protocol_version", "") in MODERN:
                return self._modern(params, desc, decision)
            answer = await ctx.session.elicit_form(
                desc.text, approval.ELICIT_SCHEMA, related_request_id=ctx.request_id
            )
            _accepted(answer, desc, decision)
            # The user may have taken a while: what they approved must still be what runs.
            again = await approval.describe_call(self.bridge, name, arguments, self.specs, message)
            if again.state != desc.state:
                raise _changed_meanwhile()
            return None
        if isinstance(confirm, str) and confirm:
            why = self.tokens.redeem(confirm, name, desc.state)
            if why is None:
                return None
            prefix = f"Not run: {why}. "
        else:
            prefix = ""
        token = self.tokens.issue(name, desc.state)
        raise ToolFailure(
            NEEDS_APPROVAL,
            f"{prefix}{name} needs the user's approval ({decision.rule}):\n{desc.text}\n"
            f"Nothing was changed. If the user agrees, call {name} again with the same "
            f'arguments and "{CONFIRM}": "{token}".',
        )

    def _modern(
        self, params: types.CallToolRequestParams, desc: approval.Description, decision: Decision
    ) -> Any:
        answer = (params.input_responses or {}).get("approve")
        if answer is None:
            form = types.ElicitRequestFormParams(
                message=desc.text, requested_schema=approval.ELICIT_SCHEMA
            )
            return types.InputRequiredResult(
                input_requests={"approve": types.ElicitRequest(params=form)},
                request_state=desc.state,
            )
        if params.request_state != desc.state:
            raise _changed_meanwhile()
        _accepted(answer, desc, decision)
        return None

    # -- after the call ----------------------------------------------------------------------

    def _record(
        self, ctx: Any, name: str, arguments: Mapping[str, Any], result: types.CallToolResult
    ) -> None:
        assert self.write_log is not None
        meta = result.meta or {}
        error = meta.get(ERROR_META_KEY, {}).get("code") if result.is_error else None
        first = result.content[0] if result.content and not result.is_error else None
        summary = getattr(first, "text", "")
        try:
            self.write_log.record(
                name,
                arguments,
                client=_client_name(ctx),
                summary=str(summary),
                result=result.structured_content,
                error=error,
            )
        except OSError as exc:
            log.warning("could not record the write of %s: %s", name, exc)

    def _watch(
        self, result: types.CallToolResult, session: str, params: types.CallToolRequestParams
    ) -> None:
        if not result.is_error:
            self.repeats.succeeded(session)
            return
        # The call's key (its arguments hashed) is needed only to compare failures: a large
        # successful write (20,000 notes) is never serialised for it.
        name = params.name
        count = self.repeats.failed(session, call_key(name, params.arguments))
        if self.repeats.stuck(count):
            log.warning("%s failed %d times in a row with the same arguments", name, count)
            result.content.append(types.TextContent(text=stuck_hint(count)))
            meta = (result.meta or {}).get(ERROR_META_KEY)
            if isinstance(meta, dict):
                meta["repeated"] = count


def _changed_meanwhile() -> ToolFailure:
    return ToolFailure(
        NEEDS_APPROVAL,
        "The Set changed while the user was being asked, so the approval does not cover what "
        "would run now: nothing was changed.",
        hint="Read the current state again and call again to ask anew.",
    )


def _accepted(answer: Any, desc: approval.Description, decision: Decision) -> None:
    action = getattr(answer, "action", None)
    if action is None and isinstance(answer, Mapping):
        action = answer.get("action")
    content = getattr(answer, "content", None)
    if content is None and isinstance(answer, Mapping):
        content = answer.get("content")
    if action == "accept" and (content or {}).get("approve", True) is not False:
        return
    said = {"decline": "declined", "cancel": "cancelled"}.get(str(action), "did not approve")
    raise ToolFailure(
        APPROVAL_DECLINED,
        f"The user {said} this call ({decision.rule}); nothing was changed.",
    )


def can_elicit(ctx: Any) -> bool:
    session = getattr(ctx, "session", None)
    caps = getattr(session, "client_capabilities", None)
    return caps is not None and getattr(caps, "elicitation", None) is not None


def _client_name(ctx: Any) -> str:
    client = getattr(getattr(ctx, "session", None), "client_params", None)
    info = getattr(client, "client_info", None)
    return str(getattr(info, "name", "") or "")


def _session_key(ctx: Any) -> str:
    connection = getattr(getattr(ctx, "session", None), "_connection", None)
    session_id = getattr(connection, "session_id", None)
    if session_id:
        return str(session_id)
    if getattr(ctx, "protocol_version", "") in MODERN or connection is None:
        return "process"  # 2026-07-28 has no sessions: one budget per server
    return f"connection:{id(connection)}"


def _reporter(ctx: Any) -> Any:
    # The session knows whether the client asked (a progressToken on handshake versions; on
    # 2026-07-28 the request's own channel): report_progress is a no-op when it did not.
    session = getattr(ctx, "session", None)
    if session is None:
        return None

    async def report(done: float, total: float | None, message: str | None) -> None:
        await session.report_progress(done, total, message)

    return report
