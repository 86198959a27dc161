"""summarizer eval: score, compare, bless, rescore, fidelity, check, new."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from summarizer.cli.common import (
    BackendOpt,
    BaseUrlOpt,
    ModelOpt,
    NoCacheOpt,
    PromptsOpt,
    RecordOpt,
    _backend,
    _fail,
    app,
)
from summarizer.errors import UserError

if TYPE_CHECKING:
    pass


class _EvalGroup(TyperGroup):
    """`summarizer eval FOLDER …` runs an evaluation; `eval compare|new|check …` are its helpers."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if not args or args[0] not in self.commands:
            args.insert(0, "run")
        return super().resolve_command(ctx, args)


eval_app = typer.Typer(
    cls=_EvalGroup,
    no_args_is_help=False,
    rich_markup_mode=None,
    help=(
        "Score a backend or a prompt against the fixtures, save the run, compare runs, gate CI.\n\n"
        "Examples:\n\n"
        "  summarizer eval fixtures --min tasks=0.95 --junit eval.xml\n\n"
        "  summarizer eval fixtures -b openai -m qwen2.5:14b --prompts my-prompts/ --baseline runs/LAST.json\n\n"
        "  summarizer eval compare runs/A.json runs/B.json --html diff.html\n\n"
        "  summarizer eval check fixtures\n\n"
        "  summarizer eval new report.docx"
    ),
)
app.add_typer(eval_app, name="eval")

GateOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--min",
        "--min-f1",
        help="Gate NAME=VALUE on a figure of the whole run, or SPLIT:NAME=VALUE (test:tasks=0.8) on one "
        "split: a floor for most figures, a ceiling for ungrounded and errored, an exact count for "
        "rejected_* and status_* (`summarizer eval figures` lists them). Repeatable; adds to FOLDER/eval.toml.",
    ),
]
OnlyOpt = Annotated[
    list[str] | None,
    typer.Option("--only", help="Only fixtures whose name matches this glob ('00[0-5]_*'). Repeatable."),
]
GenreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--genre", help="Only fixtures of this genre (news_session, notice, cong_van …). Repeatable."
    ),
]
SplitOpt = Annotated[str | None, typer.Option("--split", help="Only the dev or the test split.")]
ShowOpt = Annotated[
    int, typer.Option("--show", min=1, help="Items listed behind a failed gate before '+N more'.")
]
AllowUnlikeOpt = Annotated[
    bool,
    typer.Option(
        "--allow-unlike",
        help="Compare runs whose fixtures differ, on the documents both ran alike (a warning says which were left out).",
    ),
]
JunitOpt = Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here for CI.")]
HtmlOpt = Annotated[
    Path | None, typer.Option("--html", help="Write an HTML report (evidence highlighted in the source).")
]
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Also write the run JSON to this file.")]
RunsDirOpt = Annotated[
    Path | None, typer.Option("--runs-dir", help="Where runs are saved (default FOLDER/../runs).")
]
NoSaveOpt = Annotated[bool, typer.Option("--no-save", help="Do not save the run.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="List every missed, extra and wrong item.")]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="A saved run to compare with, or a runs folder (its run blessed with `eval bless`).",
    ),
]
MaxRegressionOpt = Annotated[
    float | None,
    typer.Option(
        "--max-regression",
        help="Fail when a rate figure is worse than the baseline's by more than this (a count: by any).",
    ),
]


def _selection(only: list[str] | None, genre: list[str] | None, split: str | None) -> Any:
    from summarizer.eval.score import Selection

    return Selection(tuple(only or ()), tuple(genre or ()), split)


@eval_app.command("run")
def eval_run(
    folder: Annotated[Path, typer.Argument(help="Fixture folder with documents/ and expected/.")] = Path(
        "fixtures"
    ),
    backend: BackendOpt = None,
    min_f1: GateOpt = None,
    baseline: BaselineOpt = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    runs_dir: RunsDirOpt = None,
    no_save: NoSaveOpt = False,
    as_json: JsonOpt = None,
    junit: JunitOpt = None,
    html_out: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            min=1,
            max=20,
            help="Run N times (repeats 2..N bypass the cache) and report mean ± spread; gates use the mean.",
        ),
    ] = 1,
    only: OnlyOpt = None,
    genre: GenreOpt = None,
    split: SplitOpt = None,
    retry_errors: Annotated[
        Path | None,
        typer.Option("--retry-errors", help="Redo only the errored documents of this run; keep the others."),
    ] = None,
    show: ShowOpt = 20,
    verbose: VerboseOpt = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompts: PromptsOpt = None,
    no_cache: NoCacheOpt = False,
    record: RecordOpt = False,
) -> None:
    """Score a backend against hand-checked fixtures and save the run; exit 1 when a gate fails.

    Example: summarizer eval fixtures --backend replay --only '00[0-5]_*' --junit eval.xml
    """
    from summarizer.eval.harness import EvalOptions, run_eval

    try:
        code = run_eval(
            EvalOptions(
                folder=folder,
                backend=_backend(backend),
                gates=min_f1 or [],
                baseline=baseline,
                max_regression=max_regression,
                allow_unlike=allow_unlike,
                runs_dir=runs_dir,
                save=not no_save,
                json_out=as_json,
                junit=junit,
                html=html_out,
                markdown=markdown,
                repeat=repeat,
                verbose=verbose,
                show=show,
                selection=_selection(only, genre, split),
                retry_errors=retry_errors,
                flags={
                    "model": model,
                    "base_url": base_url,
                    "prompts_dir": prompts,
                    "cache": False if no_cache else None,
                },
                record=record,
            )
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("rescore")
def eval_rescore(
    run: Annotated[Path, typer.Argument(help="A saved run whose outputs are scored again.")],
    folder: Annotated[
        Path | None, typer.Option("--fixtures", help="Fixture folder (default: the run's).")
    ] = None,
    min_f1: GateOpt = None,
    baseline: BaselineOpt = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    runs_dir: RunsDirOpt = None,
    no_save: NoSaveOpt = False,
    as_json: JsonOpt = None,
    junit: JunitOpt = None,
    html_out: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    only: OnlyOpt = None,
    genre: GenreOpt = None,
    split: SplitOpt = None,
    show: ShowOpt = 20,
    verbose: VerboseOpt = False,
) -> None:
    """Score a saved run's outputs against the current expected files, with no model call.

    Example: summarizer eval rescore runs/20261124T030000Z-openai-54066df84744.json --split test
    """
    from summarizer.eval.harness import EvalOptions, rescore

    try:
        code = rescore(
            run,
            EvalOptions(
                folder=folder or Path(),
                gates=min_f1 or [],
                baseline=baseline,
                max_regression=max_regression,
                allow_unlike=allow_unlike,
                runs_dir=runs_dir,
                save=not no_save,
                json_out=as_json,
                junit=junit,
                html=html_out,
                markdown=markdown,
                verbose=verbose,
                show=show,
                selection=_selection(only, genre, split),
            ),
            folder_given=folder is not None,
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[
        Path, typer.Argument(help="The earlier run (A); alone, the later run, against the blessed baseline.")
    ],
    run_b: Annotated[Path | None, typer.Argument(help="The later run (B).")] = None,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Write the comparison as Markdown.")
    ] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the comparison as HTML.")] = None,
    max_regression: MaxRegressionOpt = None,
    allow_unlike: AllowUnlikeOpt = False,
    show: ShowOpt = 20,
) -> None:
    """List, per document, the items B gained and lost against A (and why), and the figure deltas.

    Example: summarizer eval compare runs/20261124T030000Z-replay-aaaa.json runs/20261124T040000Z-replay-bbbb.json
    """
    from summarizer.eval.harness import compare

    try:
        code = compare(
            run_a,
            run_b,
            markdown=markdown,
            html=html_out,
            max_regression=max_regression,
            allow_unlike=allow_unlike,
            show=show,
        )
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("bless")
def eval_bless(
    run: Annotated[Path, typer.Argument(help="The run to make the baseline of its folder.")],
) -> None:
    """Make a run the baseline that `eval compare B` and `--baseline FOLDER` compare with.

    Example: summarizer eval bless runs/20261124T030000Z-replay-54066df84744.json
    """
    from summarizer.eval.harness import bless_run

    try:
        code = bless_run(run)
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("figures")
def eval_figures() -> None:
    """List the figures an evaluation reports and a gate may name: how each is computed, which way is better."""
    from summarizer.eval.harness import list_figures

    raise typer.Exit(list_figures())


@eval_app.command("fidelity")
def eval_fidelity(
    folder: Annotated[Path, typer.Argument(help="Fixture folder.")] = Path("fixtures"),
    variant: Annotated[
        list[str] | None,
        typer.Option("--variant", help="perfect, noisy or wrong (repeatable; default all three)."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Only fixtures matching this glob.")
    ] = None,
    show: Annotated[int, typer.Option("--show", help="Losses listed per variant.")] = 10,
) -> None:
    """Pipeline fidelity: what the model path keeps of replies authored from the expected files.

    A loopback server answers every prompt as a perfect model would (quotes cut from the chunk sent,
    agencies as the text writes them), as a noisy one, and as a wrong one (agencies swapped, deadlines
    moved); the whole model pipeline runs against it with the real openai client. No model is asked:
    the figures measure our code after the reply, so a guard that eats right answers shows here.

    Example: summarizer eval fidelity fixtures --variant perfect
    """
    from summarizer.eval.oracle import run_fidelity

    try:
        for name in variant or ["perfect", "noisy", "wrong"]:
            if name not in ("perfect", "noisy", "wrong"):
                raise UserError(f"unknown variant {name!r}; choose perfect, noisy or wrong")
            got = run_fidelity(folder, name, only=only)  # type: ignore[arg-type]
            typer.echo(got.line())
            listed, held = got.listed_losses()
            for loss in listed[:show]:
                typer.echo(f"  {loss}")
            if len(listed) > show:
                typer.echo(f"  +{len(listed) - show} more (--show N)")
            if held:
                typer.echo(f"  {held} losses on test-split documents, not listed (held out)")
    except UserError as exc:
        _fail(exc)


@eval_app.command("check")
def eval_check(
    folder: Annotated[Path, typer.Argument(help="Fixture folder.")] = Path("fixtures"),
) -> None:
    """Validate every expected file: verbatim quotes, agencies on every task, pairs, checked by a person.

    Where the normalizer disagrees with a fixture (an agency spelled otherwise, a deadline dated
    otherwise) a hint is printed; it does not fail, since the fixture says what the text means.

    Example: summarizer eval check fixtures
    """
    from summarizer.eval.harness import check

    try:
        code = check(folder)
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)


@eval_app.command("new")
def eval_new(
    file: Annotated[Path, typer.Argument(help="The document to make a fixture of (any supported format).")],
    folder: Annotated[Path, typer.Option("--fixtures", help="Fixture folder.")] = Path("fixtures"),
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
) -> None:
    """Make a new fixture: copy the document in and pre-fill its expected file for a person to correct.

    Example: summarizer eval new ~/Downloads/bao-cao.docx --fixtures fixtures
    """
    from summarizer.eval.harness import new

    try:
        code = new(file, folder, _backend(backend), flags={"model": model, "base_url": base_url})
    except UserError as exc:
        _fail(exc)
    raise typer.Exit(code)
