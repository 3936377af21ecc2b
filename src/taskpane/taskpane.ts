// Placeholder pane until the React + Fluent UI issue: shows that the bundle runs and which host office.js found.
// Office is the global from the CDN script in taskpane.html (typed by @types/office-js).
Office.onReady(({ host }) => {
  let status: [vi: string, en: string];
  if (host === Office.HostType.Excel) {
    status = ['Sẵn sàng', 'Ready'];
  } else if (!host) {
    // office.js reports no host when the page is opened in a plain browser.
    status = ['Chế độ độc lập: sắp có', 'Standalone mode: coming soon'];
  } else {
    // The manifest lists only Workbook, but the page can still be opened from another Office app.
    status = ['Quota Planner chỉ chạy trong Excel', 'Quota Planner runs in Excel only'];
  }
  const [vi, en] = status;
  const viLine = document.getElementById('status-vi');
  const enLine = document.getElementById('status-en');
  if (viLine) viLine.textContent = vi;
  if (enLine) enLine.textContent = en;
});
