import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { Component, type ReactNode } from 'react';

/** Catches a page that fails to render, so the frame stays usable; shows a message, never the error (it could hold data). */
export class ErrorBoundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return (
        <Alert data-color="danger" role="alert">
          <Paragraph>{this.props.message}</Paragraph>
        </Alert>
      );
    }
    return this.props.children;
  }
}
