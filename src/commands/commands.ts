// Function file named by the manifest's FunctionFile. Office requires it to call Office.onReady;
// ribbon commands that run code (ExecuteFunction) come with the pane issue.
Office.onReady();
