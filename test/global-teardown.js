const fs = require('fs');

module.exports = async () => {
  const dir = process.env.QUOTA_TEST_TMP;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
