// From nodejs.org Learn "Discover JavaScript Timers": setInterval that clears itself from its own callback
// (the guide checks App.somethingIWait === 'arrived'; here a counter stands in).
const App = { count: 0, somethingIWait: 'waiting' };
const interval = setInterval(() => {
  App.count++;
  if (App.count === 3) App.somethingIWait = 'arrived';
  if (App.somethingIWait === 'arrived') {
    console.log('arrived after', App.count, 'runs');
    clearInterval(interval);
    return;
  }
  console.log('still', App.somethingIWait, App.count);
}, 5);
