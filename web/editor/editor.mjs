// The code editor of CodeArena's pages: CodeMirror 6 with a grammar for each judge language
// (C, C# and TypeScript borrow C++'s, Java's and JavaScript's: `highlight` in languages.yaml).
// Bundled by `npm run build` into web/static/vendor/codemirror.js (see its README.md).
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { classHighlighter } from "@lezer/highlight";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { java } from "@codemirror/lang-java";
import { cpp } from "@codemirror/lang-cpp";
import { rust } from "@codemirror/lang-rust";
import { go } from "@codemirror/lang-go";
import { php } from "@codemirror/lang-php";
import { StreamLanguage } from "@codemirror/language";
import { ruby as rubyMode } from "@codemirror/legacy-modes/mode/ruby";
import { shell as shellMode } from "@codemirror/legacy-modes/mode/shell";
import { kotlin as kotlinMode } from "@codemirror/legacy-modes/mode/clike";

const stream = (mode) => () => StreamLanguage.define(mode);
// PHP is parsed from its <?php tag; what comes before it is plain text (no HTML grammar).
const LANGUAGES = {
  python, javascript, java, cpp, rust, go,
  php: () => php({ baseLanguage: null }),
  ruby: stream(rubyMode), bash: stream(shellMode), kotlin: stream(kotlinMode),
};

function languageSupport(id) {
  const make = LANGUAGES[id];
  return make ? make() : [];
}

// Creates an editor in `parent`. Highlighting uses classHighlighter's `tok-*` classes, styled
// by app.css for both themes. `nonce` is the page's CSP nonce: CodeMirror's own base styles go
// in a <style> element that the Content-Security-Policy admits only with it.
export function createEditor(parent, options = {}) {
  const { doc = "", language = "python", readOnly = false, label = "Code editor", nonce = "" } = options;
  const { onChange = null, onSubmit = null } = options;
  const lang = new Compartment();

  function extensions(id) {
    const list = [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      syntaxHighlighting(classHighlighter),
      indentUnit.of("    "),
      EditorState.tabSize.of(4),
      lang.of(languageSupport(id)),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.cspNonce.of(nonce),
    ];
    if (readOnly) {
      list.push(EditorState.readOnly.of(true), keymap.of(defaultKeymap));
    } else {
      list.push(closeBrackets(), keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]));
    }
    if (onSubmit) {
      const submit = () => {
        onSubmit();
        return true;
      };
      list.push(Prec.highest(keymap.of([{ key: "Mod-Enter", run: submit }])));
    }
    if (onChange) {
      list.push(EditorView.updateListener.of((update) => update.docChanged && onChange(update.state.doc.toString())));
    }
    return list;
  }

  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions: extensions(language) }) });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    // A new document in another language starts a new undo history.
    load(text, id) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(id) }));
    },
    focus: () => view.focus(),
  };
}
