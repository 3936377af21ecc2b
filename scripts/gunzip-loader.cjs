// webpack loader: a gzipped text file (data/*.csv.gz) as a module exporting its text, inflated at build time.
const zlib = require('zlib');

module.exports = function gunzipLoader(source) {
  return `export default ${JSON.stringify(zlib.gunzipSync(source).toString('utf8'))};`;
};
module.exports.raw = true;
