// A folder for what the test processes leave while the run lasts (LibreOffice profiles), removed after it.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  process.env.QUOTA_TEST_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'quota-planner-test-'));
};
