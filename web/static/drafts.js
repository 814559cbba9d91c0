// The editor's drafts, one per problem and language, kept in localStorage. The same problem open
// in another tab saves under the same key: its newer save is offered here ("load them / keep
// mine"), never loaded unasked, and until the user chooses this tab stops saving over it.
import { storage } from "./dom.js";

export class Drafts {
  // `notice` holds the warning and its two buttons. `current()` is the editor's [language, text];
  // `load(text)` puts text in the editor; `onPending(bool)` says when a choice is waiting.
  constructor(slug, starter, notice, { current, load, onPending }) {
    this.slug = slug;
    this.starter = starter;
    this.notice = notice;
    this.current = current;
    this.load = load;
    this.onPending = onPending;
    this.theirs = null; // the other tab's text, while the user has not chosen
    notice.querySelector("#load-theirs").addEventListener("click", () => this.loadTheirs());
    notice.querySelector("#keep-mine").addEventListener("click", () => this.keepMine());
    // Fired in every other tab of this site when one of them writes to localStorage.
    window.addEventListener("storage", (event) => this.changedElsewhere(event));
  }

  key(language) {
    return `codearena:draft:${this.slug}:${language}`;
  }

  starterOf(language) {
    return this.starter[language] ?? "";
  }

  get(language) {
    return storage.get(this.key(language)) ?? this.starterOf(language);
  }

  // Called on every change in the editor.
  save(language, text) {
    if (this.theirs !== null) {
      if (text === this.theirs) this.settle(); // the two tabs agree again
      return;
    }
    this.write(language, text);
  }

  write(language, text) {
    // A draft equal to the starter code is no draft: a changed starter then shows through.
    if (text === this.starterOf(language)) storage.remove(this.key(language));
    else storage.set(this.key(language), text);
  }

  changedElsewhere(event) {
    const [language, text] = this.current();
    if (event.key !== this.key(language)) return; // other languages are read when picked
    const theirs = event.newValue ?? this.starterOf(language);
    if (theirs === text) {
      this.settle();
      return;
    }
    this.theirs = theirs;
    this.notice.hidden = false;
    this.onPending(true);
  }

  settle() {
    this.theirs = null;
    this.notice.hidden = true;
    this.onPending(false);
  }

  loadTheirs() {
    const theirs = this.theirs;
    this.settle();
    if (theirs !== null) this.load(theirs); // saved by the editor's change, as any edit
  }

  keepMine() {
    this.settle();
    const [language, text] = this.current();
    this.write(language, text); // the other tab now sees this as its newer save
  }
}
