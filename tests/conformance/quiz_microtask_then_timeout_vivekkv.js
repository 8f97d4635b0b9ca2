// From "Event Loop Puzzles: Test Your Understanding" (https://my-blog-vivekkv.vercel.app/post/event-loop-puzzles), puzzles 1-2:
// sync first, then microtasks, then the timeout; chained thens run one per turn.
console.log('A');
setTimeout(() => {
  console.log('B');
}, 0);
Promise.resolve().then(() => {
  console.log('C');
});
console.log('D');

console.log('Start');
Promise.resolve()
  .then(() => {
    console.log('First');
  })
  .then(() => {
    console.log('Second');
  })
  .then(() => {
    console.log('Third');
  });
console.log('End');
