/** Every string the UI shows. Each locale file must provide all of them: the compiler checks it. */
export interface Dictionary {
  app: {
    name: string;
    tagline: string;
  };
  language: {
    label: string;
  };
  home: {
    title: string;
    intro: string;
    promises: {
      offline: string;
      encrypted: string;
      sharing: string;
    };
  };
}
