// From nodejs.org Learn "Discover JavaScript Timers", "Recursive setTimeout": schedule the next run when the current one ends.
let runs = 0;
const myFunction = () => {
  runs++;
  console.log('run', runs);
  if (runs < 4) setTimeout(myFunction, 3);
  else console.log('done');
};
setTimeout(myFunction, 3);
