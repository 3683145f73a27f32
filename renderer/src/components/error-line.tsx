// A failure said in one line where it happened: styled as an error and announced at once to
// screen readers (role="alert"). Nothing is rendered when there is nothing to say, so a form
// writes <ErrorLine message={error?.message} /> where each used to repeat the conditional markup.
export interface ErrorLineProps {
  /** The failure in plain words; null, undefined or empty renders nothing. */
  message: string | null | undefined;
  /** What failed, before the message ("Not sent: "). */
  prefix?: string;
  /** Extra classes beside `error-text`. */
  className?: string;
}

export function ErrorLine({ message, prefix = '', className }: ErrorLineProps) {
  if (!message) return null;
  return (
    <p className={className ? `error-text ${className}` : 'error-text'} role="alert">
      {prefix}
      {message}
    </p>
  );
}
