// The printable page of password links: a Print button (inline handlers are refused by the CSP).
document.getElementById("print-page")?.addEventListener("click", () => window.print());
