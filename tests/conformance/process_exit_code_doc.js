// From doc/api/process.md "process.exitCode" / "process.exit()": setting exitCode lets the loop drain, then exits with it;
// exit listeners see the code and can only run synchronous work.
// ptview-exit: 9
process.on('exit', (code) => {
  console.log(`About to exit with code: ${code}`);
  setTimeout(() => {
    console.log('This will not run');
  }, 0);
});
setTimeout(() => console.log('the loop still drains'), 2);
process.exitCode = 9;
console.log('exitCode set to', process.exitCode);
