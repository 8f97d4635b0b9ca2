// async/await with rejections: try/catch around await, finally, and errors from callbacks.
function fail(ms, msg) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error(msg)), ms));
}
function wait(ms, v) {
  return new Promise((resolve) => setTimeout(() => resolve(v), ms));
}
async function main() {
  try {
    const a = await wait(5, 'a');
    console.log('got', a);
    await fail(5, 'boom');
    console.log('not reached');
  } catch (e) {
    console.log('caught', e.message, e instanceof Error);
  } finally {
    console.log('finally');
  }
  const results = [];
  for (const ms of [15, 5, 10]) {
    results.push(await wait(ms, ms));
  }
  console.log('sequential', results);
  return 'main done';
}
main().then((v) => console.log(v));
