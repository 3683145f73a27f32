/** A desktop notification's text, independent of Electron. */
export interface NotifierMessageLike {
  title: string;
  body: string;
}
