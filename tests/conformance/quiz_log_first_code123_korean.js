// Modelled on a Korean study repo's "Task Queue에 callback를 넣는 함수별 실행 순서 비교" (Leo-ground/node_study 8-timer):
// code1/code2/code3 between the scheduling calls; the first log precedes the timer, the last ones follow it.
setTimeout(() => {
  console.log('setTimeout 0');
}, 0);
console.log('code1');
setImmediate(() => {
  console.log('setImmediate');
});
console.log('code2');
process.nextTick(() => {
  console.log('process.nextTick');
});
console.log('code3');
