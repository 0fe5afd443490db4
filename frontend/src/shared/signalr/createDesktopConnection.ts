import {
  DefaultHttpClient,
  HubConnectionBuilder,
  LogLevel,
  NullLogger,
  type HttpRequest,
  type HttpResponse,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';
import { isUnsafeMethod, readXsrfToken, XSRF_HEADER } from '../api/xsrf';

export const DESKTOP_HUB_URL = '/hubs/desktop';

/** Adds the XSRF header (read at request time) to SignalR's own POSTs, e.g. negotiate. */
class XsrfHttpClient extends DefaultHttpClient {
  constructor() {
    super(NullLogger.instance);
  }

  override send(request: HttpRequest): Promise<HttpResponse> {
    if (isUnsafeMethod(request.method)) {
      const token = readXsrfToken();
      if (token) request.headers = { ...request.headers, [XSRF_HEADER]: token };
    }
    return super.send(request);
  }
}

/** Retry for ever: quickly at first, then every 30 s (the built-in policy gives up after 4). */
export const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) =>
    [0, 2_000, 5_000, 10_000][previousRetryCount] ?? 30_000,
};

export function createDesktopConnection(url: string = DESKTOP_HUB_URL): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(url, { httpClient: new XsrfHttpClient(), withCredentials: true })
    .withAutomaticReconnect(retryForever)
    .configureLogging(LogLevel.Warning)
    .build();
}
