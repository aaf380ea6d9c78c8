import {
  require_fs,
  require_os
} from "./chunk-QFOFWRVU.js";
import {
  __toESM
} from "./chunk-YSH2IDXS.js";

// src/summary.ts
var import_node_os = __toESM(require_os());
var import_node_fs = __toESM(require_fs());
function escapeHtml(text) {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[&<>"'[\]\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `&#${c.charCodeAt(0)};`
  );
}
var code = (text) => `<code>${escapeHtml(text)}</code>`;
var JobSummary = class {
  html = "";
  addRaw(html, addEol = false) {
    this.html += addEol ? html + import_node_os.EOL : html;
    return this;
  }
  addHeading(html, level) {
    return this.addRaw(`<h${level}>${html}</h${level}>`, true);
  }
  addTable(rows) {
    const cells = (row) => row.map(
      (cell) => typeof cell === "string" ? `<td>${cell}</td>` : cell.header ? `<th>${cell.data}</th>` : `<td>${cell.data}</td>`
    ).join("");
    const body = rows.map((row) => `<tr>${cells(row)}</tr>`).join("");
    return this.addRaw(`<table>${body}</table>`, true);
  }
  toString() {
    return this.html;
  }
};
async function writeSummary(log, build) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    const summary = new JobSummary();
    build(summary);
    const text = log.redact(summary.toString());
    try {
      await import_node_fs.promises.access(file, import_node_fs.constants.R_OK | import_node_fs.constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      );
    }
    await import_node_fs.promises.appendFile(file, text, { encoding: "utf8" });
  } catch (error) {
    log.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

export {
  escapeHtml,
  code,
  writeSummary
};
