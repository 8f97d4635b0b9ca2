// Modelled on lydiahallie/javascript-questions (generator and getter/setter questions).
function* generatorOne() {
  yield ['a', 'b', 'c'];
}
function* generatorTwo() {
  yield* ['a', 'b', 'c'];
}
const one = generatorOne();
const two = generatorTwo();
console.log(one.next().value);
console.log(two.next().value);

function* startGame() {
  const answer = yield 'Do you love JavaScript?';
  if (answer !== 'Yes') {
    return "Oh wow... Guess we're done here";
  }
  return 'JavaScript loves you back ❤️';
}
const game = startGame();
console.log(game.next().value);
console.log(game.next('Yes').value);

const config = {
  languages: [],
  set language(lang) {
    return this.languages.push(lang);
  },
};
console.log(config.language);
config.language = 'en';
console.log(config.languages);
const person = { name: 'Lydia', age: 21 };
for (const [x, y] of Object.entries(person)) {
  console.log(x, y);
}
