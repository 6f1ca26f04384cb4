export { startRollbarReceiver, type ReceivedItem, type RollbarItem, type RollbarReceiver, type RollbarReceiverMode, type RollbarReceiverOptions, type RollbarTrace } from './rollbar.js';
export { startXrayDaemon, type ReceivedDatagram, type XrayDaemon } from './xray-daemon.js';
export { startXrayOtlpStandIn, type AwsTestCredentials, type SigningScope, type XrayOtlpMode, type XrayOtlpRequest, type XrayOtlpStandIn, type XrayOtlpStandInOptions } from './xray-otlp.js';
