console.log('child started with', process.argv.slice(2), typeof process.send);
process.on('message', (m) => {
  if (m === 'bye') {
    console.log('child bye');
    process.disconnect();
    return;
  }
  console.log('child got', m);
  process.send({ n: m.n + 1 });
});
