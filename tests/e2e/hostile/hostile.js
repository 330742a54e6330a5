// The hostile suite's host script: records events and CSP violations, and offers the auth
// callbacks the cases use (one that answers with a bearer token and a fresh DPoP proof, one that
// never settles).

window.hostile = { events: [], violations: [], authCalls: 0 };
document.addEventListener("securitypolicyviolation", (e) => {
  window.hostile.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
for (const name of ["news2-loaded", "news2-escalation", "news2-entry", "news2-error"]) {
  document.addEventListener(name, (e) => {
    window.hostile.events.push({ name, widget: e.target.id, detail: e.detail });
  });
}

let proof = 0;
window.hostAuth = async () => {
  proof += 1;
  window.hostile.authCalls += 1;
  return { Authorization: "Bearer hostile-token", DPoP: `proof-${proof}` };
};
window.neverAuth = () => new Promise(() => {});

window.hostileReady = true;
