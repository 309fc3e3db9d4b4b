#!/usr/bin/python3
"""Executes one notebook headless with the kit's Java kernel, the way `jupyter nbconvert --execute`
does (both drive nbclient), and adds what a long run needs: a line when each cell starts, its time
when it ends, the cell's printed output streamed live (progress bars of long training), and on a
failing cell one line naming the notebook and the cell.

usage: run-notebook.py INPUT.ipynb OUTPUT.ipynb [--timeout SECONDS] [--failed FAILED.ipynb]
The executed notebook is written to OUTPUT (atomically) only when every cell passed; a failed run
is written to FAILED (if given) so its error outputs can be read.
"""
import argparse
import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


class StreamingClient(NotebookClient):
    """NotebookClient that echoes each cell's stdout/stderr to the console, line by line, as it
    arrives (a kernel may send a line in several pieces)."""

    pending = ""

    def output(self, outs, msg, display_id, cell_index):
        if msg["msg_type"] == "stream":
            self.pending += msg["content"].get("text", "")
            *lines, self.pending = self.pending.replace("\r", "\n").split("\n")
            for line in lines:
                print(f"      | {line}", flush=True)
        return super().output(outs, msg, display_id, cell_index)

    def flush_pending(self):
        if self.pending:
            print(f"      | {self.pending}", flush=True)
            self.pending = ""


def first_line(cell):
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()[:70]
    return ""


def coalesce_streams(nb):
    """Joins consecutive stdout (or stderr) pieces of a cell into one output, as Jupyter shows them."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if (out.output_type == "stream" and last is not None and last.output_type == "stream"
                    and last.name == out.name):
                last.text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged


def write_atomically(nb, path):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".ipynb.tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per cell (-1: none)")
    ap.add_argument("--failed", help="where to write the notebook when a cell fails")
    args = ap.parse_args()
    # this driver streams the output itself; the kernel need not echo it to its own stdout too
    os.environ["MODELKEY_KERNEL_ECHO"] = "false"

    name = os.path.basename(args.input)
    nb = nbformat.read(args.input, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    started = {}

    def on_start(cell, cell_index):
        if cell.cell_type != "code":
            return
        started[cell_index] = time.monotonic()
        number = code_cells.index(cell_index) + 1
        print(f"    cell {number}/{len(code_cells)}: {first_line(cell)}", flush=True)

    def on_executed(cell, cell_index, execute_reply):
        client.flush_pending()
        seconds = time.monotonic() - started.get(cell_index, time.monotonic())
        if seconds >= 5:
            number = code_cells.index(cell_index) + 1
            print(f"    cell {number}/{len(code_cells)} done in {seconds:.1f} s", flush=True)

    client = StreamingClient(
        nb,
        kernel_name="java",
        timeout=None if args.timeout < 0 else args.timeout,
        startup_timeout=120,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.input))}},
        on_cell_start=on_start,
        on_cell_executed=on_executed,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        failing = [i for i in code_cells if i in started]
        cell_no = code_cells.index(failing[-1]) + 1 if failing else "?"
        what = f"{e.ename}: {e.evalue}" if isinstance(e, CellExecutionError) else str(e).splitlines()[0]
        client.flush_pending()
        print(f"FAILED: notebook {name}, cell {cell_no}: {what}", file=sys.stderr, flush=True)
        if args.failed:
            coalesce_streams(nb)
            write_atomically(nb, args.failed)
            print(f"        the executed notebook with its error is in {args.failed}", file=sys.stderr)
        return 1
    except Exception as e:  # kernel could not start, bad kernelspec, ...
        print(f"FAILED: notebook {name}: the Java kernel did not run it: {e}", file=sys.stderr, flush=True)
        return 1
    coalesce_streams(nb)
    write_atomically(nb, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
