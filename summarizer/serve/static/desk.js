// The review desk's behaviour: plain JavaScript, no framework, no network but this server.
"use strict";

function csrfToken() {
  const m = document.querySelector('meta[name="csrf"]');
  return m ? m.content : "";
}

// ------------------------------------------------------------ upload
function setupUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("file");
  const drop = document.getElementById("drop");
  const shown = document.getElementById("file-name");
  const err = document.getElementById("client-error");
  const max = parseInt(form.dataset.max || "0", 10);
  const show = () => { shown.textContent = input.files.length ? input.files[0].name : ""; };
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
  drop.addEventListener("drop", (e) => {
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
  });
  form.addEventListener("submit", (e) => {
    err.hidden = true;
    if (input.files.length && max && input.files[0].size > max) {
      e.preventDefault();
      err.textContent = input.files[0].name + ": tệp " + (input.files[0].size / 1e6).toFixed(1) +
        " MB, quá giới hạn " + (max / 1e6) + " MB.";
      err.hidden = false;
      return;
    }
    document.getElementById("submit").disabled = true;
    document.getElementById("submit").textContent = "Đang trích xuất…";
  });
}

// ------------------------------------------------------------ progress of a long extraction
function setupJob() {
  const box = document.getElementById("job");
  if (!box) return;
  const stages = { reading: "Đang đọc văn bản…", extracting: "Đang trích xuất…", saving: "Đang lưu…", done: "Xong." };
  const poll = async () => {
    const r = await fetch("/jobs/" + box.dataset.job + ".json", { headers: { Accept: "application/json" } });
    if (!r.ok) return;
    const s = await r.json();
    let stage = stages[s.stage] || s.stage;
    if (s.stage === "extracting" && s.chunks > 1) stage = "Đang trích xuất: phần " + s.chunks_done + "/" + s.chunks + "…";
    document.getElementById("job-stage").textContent = stage;
    document.getElementById("job-seconds").textContent = s.seconds;
    if (s.state === "done") { window.location = "/d/" + s.doc; return; }
    if (s.state === "error") {
      const e = document.getElementById("job-error"); e.textContent = s.error; e.hidden = false; return;
    }
    if (s.state === "cancelled") return;
    setTimeout(poll, 500);
  };
  setTimeout(poll, 300);
}

// ------------------------------------------------------------ review: items <-> highlights
function marksOf(id) {
  return Array.from(document.querySelectorAll("#source .m")).filter((m) => (m.dataset.items || "").split(" ").includes(id));
}

function selectItem(id, scrollSource) {
  document.querySelectorAll(".item.selected, #source .m.selected").forEach((el) => el.classList.remove("selected"));
  const card = document.getElementById(id);
  if (card) card.classList.add("selected");
  const marks = marksOf(id);
  marks.forEach((m) => m.classList.add("selected"));
  if (scrollSource && marks.length) {
    marks[0].scrollIntoView({ block: "center", behavior: "instant" });
    marks.forEach((m) => { m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
  }
  return card;
}

function setupReview() {
  const source = document.getElementById("source");
  if (!source) return;
  document.querySelectorAll(".item").forEach((card) => {
    card.addEventListener("click", (e) => {
      if (e.target.closest("form, details, button, input, textarea, select, a")) return;
      selectItem(card.id, true);
    });
  });
  source.addEventListener("click", (e) => {
    const m = e.target.closest(".m");
    if (!m || !window.getSelection().isCollapsed) return;
    const id = (m.dataset.items || "").split(" ")[0];
    const card = selectItem(id, false);
    if (card) card.scrollIntoView({ block: "center", behavior: "instant" });
  });
  document.querySelectorAll("a.goto").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    const at = parseInt(a.dataset.start, 10);
    const span = Array.from(source.children).find((s) => parseInt(s.dataset.start, 10) >= at);
    if (span) { span.scrollIntoView({ block: "center" }); span.classList.add("flash"); }
  }));
  source.addEventListener("mouseup", () => setTimeout(takeSelection, 0));
  source.addEventListener("keyup", () => setTimeout(takeSelection, 0));
  const kind = document.getElementById("add-kind");
  const showKind = () => {
    ["task", "request", "conclusion"].forEach((k) => {
      document.querySelector("#add-form .for-" + k).hidden = kind.value !== k;
    });
  };
  kind.addEventListener("change", showKind);
  showKind();
  const fromHash = () => {
    const card = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (card && card.classList.contains("item")) { selectItem(card.id, true); card.scrollIntoView({ block: "center" }); }
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
}

// Offset in the source text of a point (node, offset) inside #source.
function sourceOffset(node, offset) {
  const source = document.getElementById("source");
  if (node === source) {
    const child = source.children[offset];
    return child ? parseInt(child.dataset.start, 10) : source.textContent.length;
  }
  const span = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest("#source > span");
  if (!span) return null;
  if (node.nodeType !== Node.TEXT_NODE) return parseInt(span.dataset.start, 10) + (offset > 0 ? span.textContent.length : 0);
  return parseInt(span.dataset.start, 10) + offset;
}

function takeSelection() {
  const sel = window.getSelection();
  const source = document.getElementById("source");
  if (!sel || sel.isCollapsed || !sel.rangeCount) return;
  const r = sel.getRangeAt(0);
  if (!source.contains(r.startContainer) || !source.contains(r.endContainer)) return;
  let start = sourceOffset(r.startContainer, r.startOffset);
  let end = sourceOffset(r.endContainer, r.endOffset);
  if (start === null || end === null || end <= start) return;
  const text = source.textContent;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return;
  document.getElementById("add-quote").value = text.slice(start, end);
  document.getElementById("add-start").value = String(start);
  const add = document.getElementById("add");
  add.open = true;
  add.classList.add("active");
  document.getElementById("add-hint").textContent = "Đoạn đã chọn (" + (end - start) + " ký tự) là trích dẫn của mục mới. Điền cơ quan, rồi bấm «Thêm mục».";
  add.scrollIntoView({ block: "nearest" });
}

// ------------------------------------------------------------ pickers and the live deadline
function setupPickers() {
  const list = document.getElementById("agency-list");
  if (!list) return;
  const names = new Set(Array.from(list.options).map((o) => o.value));
  const mark = (input) => input.classList.toggle("free", input.value.trim() !== "" && !names.has(input.value.trim()));
  const wire = (input) => {
    input.addEventListener("input", () => mark(input));
    mark(input);
    input.title = "Chọn trong danh mục cơ quan; tên gõ tay ngoài danh mục được đánh dấu";
  };
  document.querySelectorAll("input.agency-input").forEach(wire);
  document.querySelectorAll("button.add-agency").forEach((b) => b.addEventListener("click", () => {
    const fs = b.closest("fieldset");
    const input = document.createElement("input");
    input.name = fs.dataset.name; input.setAttribute("list", "agency-list"); input.className = "agency-input";
    input.autocomplete = "off";
    fs.insertBefore(input, b); wire(input); input.focus();
  }));
  const doc = document.querySelector(".split[data-doc]");
  if (!doc) return;
  document.querySelectorAll("input.deadline-input").forEach((input) => {
    const out = input.parentElement.querySelector("output.deadline-shown");
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const r = await fetch("/d/" + doc.dataset.doc + "/deadline?text=" + encodeURIComponent(input.value));
        if (!r.ok) return;
        const d = await r.json();
        out.textContent = d.text ? d.shown + (d.due ? " (" + d.due.split("-").reverse().join("/") + ")" : "") + " · " + d.kind : "";
      }, 200);
    });
  });
}

function setupConfirm() {
  document.querySelectorAll("form.confirm").forEach((f) => f.addEventListener("submit", (e) => {
    if (!window.confirm(f.dataset.confirm)) e.preventDefault();
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  setupUpload(); setupJob(); setupReview(); setupPickers(); setupConfirm();
});
