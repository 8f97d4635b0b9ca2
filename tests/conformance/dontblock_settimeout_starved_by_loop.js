// Modelled on the "blocking vs non-blocking" gists (e.g. gist.github.com/luciopaiva/7b8577208a036d02d984e80a1d6e2e21): an
// interval cannot fire during a busy-wait; with await sleep() it does.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
let hellos = 0;
function blockingWait() {
  const iv = setInterval(() => hellos++, 10);
  const end = Date.now() + 60;
  console.info('Going to sleep');
  while (Date.now() < end) {
    // the interval callback cannot run here
  }
  console.info('Back from sleep; hellos so far:', hellos);
  clearInterval(iv);
}
async function asyncWait() {
  hellos = 0;
  const iv = setInterval(() => hellos++, 10);
  console.info('Going to sleep (await)');
  await sleep(60);
  console.info('Back from sleep; interval ran meanwhile:', hellos > 0);
  clearInterval(iv);
}
blockingWait();
asyncWait();
