// Shared by node (to record the expected outputs) and by QuickJS with ptview's
// prelude (to check them). `cases` is a list of {kind, src, opts}; returns the
// list of outputs. Promises are settled (microtasks drained) before inspecting.
(function (util, cases, settle) {
  const out = [];
  const values = cases.map((c) => {
    try {
      return { value: (0, eval)(`(${c.src})`) };
    } catch (e) {
      return { error: `THROWN: ${e && e.message}` };
    }
  });
  const awaited = values.map((v, i) => (cases[i].kind === 'json' && v.value instanceof Promise
    ? v.value.then((r) => { v.value = r; }, (e) => { v.error = `REJECTED: ${e && e.message}`; })
    : null));
  return settle(values.map((v) => v.value)).then(() => Promise.all(awaited)).then(() => {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const v = values[i];
      if (v.error) { out.push(v.error); continue; }
      try {
        const opts = c.opts === undefined ? undefined : (0, eval)(`(${c.opts})`);
        if (c.kind === 'format') out.push(util.format(...v.value));
        else if (c.kind === 'formatWithOptions') out.push(util.formatWithOptions(opts, ...v.value));
        else if (c.kind === 'value') out.push(String(v.value));
        else if (c.kind === 'json') out.push(JSON.stringify(v.value));
        else out.push(opts === undefined ? util.inspect(v.value) : util.inspect(v.value, opts));
      } catch (e) {
        out.push(`THROWN: ${e && e.message}`);
      }
    }
    return out;
  });
})
